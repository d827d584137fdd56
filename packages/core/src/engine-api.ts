// Public exports of the token engine, stores, transport and API client.
export {};

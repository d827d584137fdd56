// Public exports of the provider profiles, operations, diagnose and connections.
export {};

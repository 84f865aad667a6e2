// The verifiable log: RFC 6962 hashing and proofs, the tree beside the log, signed heads, the sequencer that
// builds the tree as the log grows, and verification of the whole log.
export * from './merkle/merkle-hash.js';
export * from './merkle/merkle-proofs.js';
export * from './merkle/merkle-tree.store.js';
export * from './signing/tree-head-signer.js';
export * from './sequencer/tree-sequencer.js';
export * from './verify/verify-log.js';

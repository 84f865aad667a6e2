// Notifications people subscribe to: Atom feeds of the depositary notifications, webhooks and e-mail.
export * from './feeds/notification-feed.js';
export * from './delivery/delivery.store.js';
export * from './delivery/delivery-dispatcher.js';
export * from './delivery/delivery-worker.js';
export * from './delivery/backoff.js';
export * from './delivery/webhook-signature.js';
export * from './delivery/senders.js';

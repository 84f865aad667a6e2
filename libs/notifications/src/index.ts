// Notifications people subscribe to: Atom feeds of the depositary notifications, webhooks and e-mail.
export * from './feeds/notification-feed.js';

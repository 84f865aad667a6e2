# The API service. Built by docker-compose.yml; runs on whichever store the environment names
# (embedded SQLite under /app/data by default, EventStoreDB in the compose file).
FROM node:24-bookworm

WORKDIR /app

# Dependencies first, so that editing the source does not re-run npm ci (better-sqlite3 compiles natively;
# the full bookworm image has python3, make and g++ for that).
COPY package.json package-lock.json ./
RUN npm ci

COPY . .
RUN npm run build

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data

# The embedded store writes here when EVENT_STORE is not set: keep it on a volume.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node

EXPOSE 3000
# Ready, not only alive: the stores answer and the projections keep up (GET /health/live is the liveness probe).
HEALTHCHECK --interval=10s --timeout=5s --retries=12 --start-period=10s \
    CMD curl --fail --silent "http://127.0.0.1:${PORT}/health/ready" || exit 1

CMD ["node", "dist/apps/api/src/main.js"]

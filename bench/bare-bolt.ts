// A bare Bolt app that only acks `/rounds`: the baseline the Rounds ack is compared with (run by bench/slack-ack.ts).
import { createServer } from 'node:http';
import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';

const http = express();
const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', app: http, endpoints: '/slack/events' });
const app = new App({ receiver, token: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE', tokenVerificationEnabled: false });
app.command('/rounds', async ({ ack }) => {
  await ack();
});
http.get('/readyz', (_req, res) => {
  res.json({ ok: true });
});
createServer(http).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));

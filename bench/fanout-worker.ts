// A `rounds worker` process for the fan-out benchmark: the same runtime, with Rounds' Slack limiter sized to the
// stand-in's limit (RunOptions.slackLimits, which the command line does not take). Environment as for `rounds worker`.
import { startRounds } from '../src/app/runtime.ts';
import { loadConfig } from '../src/config.ts';

const perMinute = Number(process.env.BENCH_POST_PER_MINUTE ?? 1200);
const proc = await startRounds(loadConfig(), { web: false, worker: true, slackLimits: { 'chat.postMessage': perMinute } });
const stop = () => {
  proc.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

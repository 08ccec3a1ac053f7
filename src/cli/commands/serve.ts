import { loadConfig } from '../../config/load.js';
import { prepareService, serve } from '../../jobs/serve.js';
import { type CliCommand, stringOpt, UsageError } from '../command.js';
import { formatProblem } from '../shared.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'follow the inputs, run detections on their schedules and deliver alerts (see vigil.yml)',
  usage: [
    'usage: vigil serve --config vigil.yml [--check]',
    '',
    'Runs as a service: follows the configured log files like tail -F, runs each enabled detection on its',
    "cron over Splunk's windows (catching up windows missed while stopped), and delivers notables and risk",
    'events to the configured sinks through a persistent outbox. Logs one JSON object a line to stderr.',
    'SIGTERM or SIGINT finishes the current batch and run, then exits.',
    '',
    '  --config FILE      the service configuration (README: "Running as a service")',
    '  --check            check the configuration, content and secrets, print every problem, and exit',
  ].join('\n'),
  options: { config: { type: 'string' }, check: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const file = stringOpt(values, 'config');
    if (!file) throw new UsageError('give the configuration with --config FILE');
    const loaded = await loadConfig(file);
    const prepared = loaded.ok ? await prepareService(loaded.config, file, io.env) : undefined;
    const problems = loaded.ok ? (prepared?.problems ?? []) : loaded.problems;
    for (const p of problems) io.err(formatProblem(p));
    if (!loaded.ok || !prepared || problems.length > 0) return 1;
    if (values.check) {
      io.err(`${file}: ok`);
      return 0;
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    try {
      await serve({
        config: loaded.config,
        file,
        signal: stop.signal,
        env: io.env,
        prepared,
        log: (entry) => io.err(JSON.stringify({ time: new Date().toISOString(), ...entry })),
      });
      return 0;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  },
};

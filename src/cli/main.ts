#!/usr/bin/env node
import { runCli } from './run';

// `npm run cli -- …` and `npx flowscope …` run in the package's own folder; npm says where the caller was
// in INIT_CWD. Paths on the command line, and `pr`'s git repository, are the caller's.
if (process.env.INIT_CWD && process.env.INIT_CWD !== process.cwd()) process.chdir(process.env.INIT_CWD);

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

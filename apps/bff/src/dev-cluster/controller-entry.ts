// A region controller as the dev cluster runs it: `main.ts`, plus a stop when the
// dev cluster is gone. The IPC channel to the orchestrator closes however the
// orchestrator ends, even killed, so no controller lives on as an orphan.
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

await import('../main');

// The whole agent: qemu-ga's command line, wire protocol, built-in commands and fsfreeze support, plus every
// [QgaCommand] method and [Hook] enum in this project (the QgaKit generator registers them; no wiring here).
return QgaKit.Hosting.QgaAgent.Run(args);

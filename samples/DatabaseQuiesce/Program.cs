// The whole agent: qemu-ga's command line, protocol, built-ins and fsfreeze support, plus the db-quiesce hook
// (DbQuiesceHookArg.cs) and the guest-db-* commands (DatabaseCommands.cs), which the generator registers.
return QgaKit.Hosting.QgaAgent.Run(args);

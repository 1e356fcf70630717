// A drop-in replacement for qemu-ga's fsfreeze support: same command line, same wire protocol.
return QgaKit.Hosting.QgaAgent.Run(args);

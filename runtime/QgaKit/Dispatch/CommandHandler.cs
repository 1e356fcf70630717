using System.Threading.Tasks;

namespace QgaKit.Dispatch;

/// <summary>
/// Runs one command: binds <see cref="CommandContext.Arguments"/>, calls the user's method and writes its
/// return value with <see cref="CommandContext.Result"/>. Generated code implements it; a sync command
/// returns a completed <see cref="ValueTask"/> (no allocation).
/// </summary>
public delegate ValueTask CommandHandler(CommandContext context);

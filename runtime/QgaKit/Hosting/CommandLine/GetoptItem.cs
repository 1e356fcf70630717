namespace QgaKit.Hosting.CommandLine;

/// <summary>One result of the parser: an option (its <see cref="Id"/> and argument) or an error
/// (<see cref="Id"/> is <c>'?'</c> and <see cref="Error"/> is getopt's stderr line, without the newline).</summary>
public readonly record struct GetoptItem(int Id, string? Argument, string? Error)
{
    public const int ErrorId = '?';

    public bool IsError => Error is not null;
}

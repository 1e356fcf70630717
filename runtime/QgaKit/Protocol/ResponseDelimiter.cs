namespace QgaKit.Protocol;

/// <summary>
/// qemu-ga's one-shot "delimit the next response" flag (<c>ga_set_response_delimited</c>): guest-sync-delimited
/// sets it and the reply writer puts one 0xFF byte in front of the next reply written, which is that command's own.
/// </summary>
[AgentService]
public sealed class ResponseDelimiter
{
    /// <summary>True until the next reply has been written.</summary>
    public bool IsRequested { get; private set; }

    /// <summary>Asks for a 0xFF before the next reply.</summary>
    public void Request() => IsRequested = true;

    /// <summary>Returns whether a 0xFF was requested and clears the request.</summary>
    public bool Consume()
    {
        var requested = IsRequested;
        IsRequested = false;
        return requested;
    }
}

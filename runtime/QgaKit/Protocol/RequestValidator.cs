using QgaKit.Json;

namespace QgaKit.Protocol;

/// <summary>
/// qemu-ga's request checks, in its order (reference 1.2): the message must be an object; <c>id</c> is picked up
/// first so that every later error echoes it; each member is checked; then <c>execute</c> must be present.
/// </summary>
internal static class RequestValidator
{
    /// <summary>Returns null when the request is well formed, else the error desc. <paramref name="request"/>
    /// carries the <c>id</c> whenever the message was an object.</summary>
    public static string? Validate(JsonValue message, out QmpRequest request)
    {
        if (message.Kind != JsonKind.Object)
        {
            // No id is echoed for non-object input (qmp_dispatch fails before it looks for one).
            request = default;
            return ProtocolTexts.NotAnObject;
        }

        JsonValue execute = default, arguments = default, id = default;
        string? error = null;

        // qemu-ga walks the members in its QDict hash order and reports the first bad one; we walk them in
        // request order (documented in docs/compatibility.md). A repeated key never gets here: the parser
        // rejects duplicate keys.
        foreach (var member in message.EnumerateObject())
        {
            var value = member.Value;
            if (member.NameEquals("execute"u8))
            {
                execute = value;
                if (value.Kind != JsonKind.String)
                {
                    error ??= ProtocolTexts.ExecuteNotString;
                }
            }
            else if (member.NameEquals("arguments"u8))
            {
                arguments = value;
                if (value.Kind != JsonKind.Object)
                {
                    error ??= ProtocolTexts.ArgumentsNotObject;
                }
            }
            else if (member.NameEquals("id"u8))
            {
                id = value;
            }
            else
            {
                // exec-oob lands here too: qemu-ga dispatches with allow_oob = false.
                error ??= ProtocolTexts.UnexpectedMember(member.Name);
            }
        }

        request = new QmpRequest(execute, arguments, id);
        if (error is not null)
        {
            return error;
        }

        return execute.Kind == JsonKind.Undefined ? ProtocolTexts.LacksExecute : null;
    }
}

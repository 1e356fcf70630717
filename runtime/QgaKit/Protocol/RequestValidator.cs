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
        var badMembers = 0;
        string? error = null;
        foreach (var member in message.EnumerateObject())
        {
            var value = member.Value;
            if (member.NameEquals("execute"u8))
            {
                execute = value;
            }
            else if (member.NameEquals("arguments"u8))
            {
                arguments = value;
            }
            else if (member.NameEquals("id"u8))
            {
                id = value;
            }

            // A repeated key never gets here: the parser rejects duplicate keys.
            var memberError = MemberError(member);
            if (memberError is not null)
            {
                badMembers++;
                error ??= memberError;
            }
        }

        request = new QmpRequest(execute, arguments, id);
        if (badMembers > 1)
        {
            // qemu-ga reports the first bad member in its QDict walk, not in request order.
            error = FirstInQdictOrder(message);
        }

        if (error is not null)
        {
            return error;
        }

        return execute.Kind == JsonKind.Undefined ? ProtocolTexts.LacksExecute : null;
    }

    private static string? MemberError(JsonProperty member)
    {
        var value = member.Value;
        if (member.NameEquals("execute"u8))
        {
            return value.Kind == JsonKind.String ? null : ProtocolTexts.ExecuteNotString;
        }

        if (member.NameEquals("arguments"u8))
        {
            return value.Kind == JsonKind.Object ? null : ProtocolTexts.ArgumentsNotObject;
        }

        if (member.NameEquals("id"u8))
        {
            return null;
        }

        // exec-oob lands here too: qemu-ga dispatches with allow_oob = false.
        return ProtocolTexts.UnexpectedMember(member.Name);
    }

    private static string? FirstInQdictOrder(JsonValue message)
    {
        string? error = null, errorName = null;
        int errorIndex = -1, index = 0;
        foreach (var member in message.EnumerateObject())
        {
            var memberError = MemberError(member);
            if (memberError is not null)
            {
                var name = member.Name;
                if (errorName is null || QdictOrder.Precedes(name, index, errorName, errorIndex))
                {
                    error = memberError;
                    errorName = name;
                    errorIndex = index;
                }
            }

            index++;
        }

        return error;
    }
}

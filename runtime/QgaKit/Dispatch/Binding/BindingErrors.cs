namespace QgaKit.Dispatch.Binding;

/// <summary>QAPI's argument errors (qobject-input-visitor.c, qapi-visit-core.c), the one place for their texts.
/// All are GenericError replies.</summary>
public static class BindingErrors
{
    /// <summary>A required member is absent.</summary>
    public static QgaException Missing(ValuePath path) => new("Parameter '" + path.ToString() + "' is missing");

    /// <summary>A member nothing declares (reported after every declared one was bound).</summary>
    public static QgaException Unexpected(ValuePath path) => new("Parameter '" + path.ToString() + "' is unexpected");

    /// <summary>A value of the wrong JSON type; <paramref name="expected"/> is QAPI's type word:
    /// integer, string, boolean, number, object or array.</summary>
    public static QgaException InvalidType(ValuePath path, string expected)
        => new("Invalid parameter type for '" + path.ToString() + "', expected: " + expected);

    /// <summary>A string that names no member of the enum.</summary>
    public static QgaException InvalidValue(ValuePath path, string value)
        => new("Parameter '" + path.ToString() + "' does not accept value '" + value + "'");

    /// <summary>An integer outside a sized type's range; <paramref name="cType"/> is e.g. <c>uint8_t</c>.</summary>
    public static QgaException OutOfRange(ValuePath path, string cType) => new("Parameter '" + path.ToString() + "' expects " + cType);
}

namespace Kim.Core;

/// <summary>
/// A setting Kim cannot start with: an unknown name, a value of the wrong form, a required setting
/// missing. The message is one line that starts with the setting as an environment variable
/// (<c>Kim__Timing__FirstContactDue</c>, see <see cref="VariableName"/>) and says what is valid;
/// the app prints it to standard error and exits with code 1, without a stack trace (Program.cs).
/// </summary>
public sealed class InvalidSettingException : Exception
{
    public InvalidSettingException()
    {
        Setting = string.Empty;
    }

    public InvalidSettingException(string message)
        : base(message)
    {
        Setting = string.Empty;
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = string.Empty;
    }

    /// <summary>
    /// A refusal of <paramref name="setting"/> (a configuration key with <c>:</c> or <c>__</c>);
    /// <paramref name="problem"/> follows the name: e.g. <c>"is not a timing setting; known: …"</c>.
    /// </summary>
    public InvalidSettingException(string setting, string problem, Exception? innerException = null)
        : base(VariableName(setting) + " " + problem, innerException)
    {
        Setting = VariableName(setting);
    }

    /// <summary>The refused setting as an environment variable; empty when the message alone names it.</summary>
    public string Setting { get; }

    /// <summary>A configuration key as an environment variable: <c>Kim:Timing:NoContact</c> → <c>Kim__Timing__NoContact</c>.</summary>
    public static string VariableName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace(":", "__", StringComparison.Ordinal);
    }
}

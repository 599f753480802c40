using Kim.Core;
using Microsoft.Extensions.Options;

namespace Kim.Api;

/// <summary>
/// How start-up refuses a bad setting (Program.cs): one line on standard error that names the
/// setting and what is valid, exit code 1, no stack trace. Settings are read while services are
/// registered (<see cref="InvalidSettingException"/>) or bound to options and validated
/// (<see cref="OptionsValidationException"/>, <see cref="ValidateOptions"/>); any other exception
/// is a fault of Kim and keeps its stack trace.
/// </summary>
public static class SettingErrors
{
    /// <summary>The line to print when <paramref name="exception"/> is a refused setting; null otherwise.</summary>
    public static string? Describe(Exception exception)
    {
        var text = exception switch
        {
            InvalidSettingException invalid => invalid.Message,
            OptionsValidationException validation => string.Join("; ", validation.Failures),
            _ => null,
        };
        return text is null ? null : "Kim did not start: " + string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// Runs the options validations registered with <c>ValidateOnStart</c> now, before the host
    /// starts (whose failure would be logged with a stack trace). A value the binder cannot convert
    /// (<c>Kim__Intake__MaxFiles=many</c>) becomes an <see cref="InvalidSettingException"/>: binding
    /// reads nothing but configuration.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidSettingException(exception.Message, exception);
        }
    }
}

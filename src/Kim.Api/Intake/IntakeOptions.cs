using Kim.Api.Http;

namespace Kim.Api.Intake;

/// <summary>Settings under <c>Kim:Intake</c> (API.md, Settings).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Kim:Intake";

    /// <summary>The largest file of an intake.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most files one intake may carry.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>The body limit of a multipart intake: every file at its largest, plus the fields.</summary>
    public long MaxMultipartBytes => (MaxFiles * MaxFileBytes) + KimLimits.FormFieldsBytes;
}

using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Intake;

/// <summary>Either the intake as read, or the problem that stopped reading it.</summary>
public sealed record IntakeReadResult(IntakeUpload? Upload, ProblemDetails? Problem)
{
    public static IntakeReadResult Of(IntakeUpload upload) => new(upload, null);

    public static IntakeReadResult Rejected(ProblemDetails problem) => new(null, problem);
}

using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Intake;

/// <summary>
/// Stops reading an intake early (a file too large, a type we do not take). Thrown inside the
/// readers only; <see cref="IntakeReader"/> turns it into the problem it carries.
/// </summary>
internal sealed class IntakeRejectedException(ProblemDetails problem) : Exception(problem.Detail ?? problem.Title)
{
    public ProblemDetails Problem { get; } = problem;
}

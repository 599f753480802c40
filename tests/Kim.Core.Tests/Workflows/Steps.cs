using Kim.Core;
using Kim.Core.Records;

namespace Kim.Core.Tests.Workflows;

internal static class Steps
{
    public static WorkflowStep Ok(this WorkflowStep step)
    {
        Assert.True(step.Rejection is null, $"rejected: {step.Rejection}");
        return step;
    }

    public static WorkflowRejection Rejected(this WorkflowStep step, string code)
    {
        Assert.NotNull(step.Rejection);
        Assert.Equal(code, step.Rejection.Code);
        return step.Rejection;
    }

    public static IEnumerable<T> Of<T>(this WorkflowStep step)
        where T : WorkflowCommand => step.Commands.OfType<T>();

    public static T Single<T>(this WorkflowStep step, Func<T, bool>? where = null)
        where T : WorkflowCommand => Assert.Single(step.Commands.OfType<T>(), c => where?.Invoke(c) ?? true);

    public static RunAction Action(this WorkflowStep step, string name) => step.Single<RunAction>(a => a.ActionName == name);

    public static T Input<T>(this RunAction action) => KimJson.FromElement<T>(action.Input!.Value);
}

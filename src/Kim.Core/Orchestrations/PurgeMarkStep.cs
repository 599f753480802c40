namespace Kim.Core.Orchestrations;

/// <summary>
/// What a sweep of <see cref="CaseInstancePurge"/> does with a deleted case's mark after one pass
/// over the case's instances (<see cref="CaseInstancePurge.NextStep"/>).
/// </summary>
public enum PurgeMarkStep
{
    /// <summary>Leave the mark as it is: instances were found (and no quiet time had begun), or the grace has not passed yet.</summary>
    Keep,

    /// <summary>Instances were found after a quiet pass: forget when the quiet began, so the grace starts again.</summary>
    Restart,

    /// <summary>The first pass that found no instance: note its time on the mark.</summary>
    StartQuiet,

    /// <summary>No instance was found, and none for the whole grace: delete the mark.</summary>
    Delete,
}

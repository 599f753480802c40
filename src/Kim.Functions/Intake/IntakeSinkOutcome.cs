namespace Kim.Functions.Intake;

public enum IntakeSinkOutcome
{
    /// <summary>A new intake was taken on.</summary>
    Created,

    /// <summary>The same key and content came before; nothing new was created.</summary>
    Repeated,

    /// <summary>The key came before with other content; nothing was created.</summary>
    KeyReused,
}

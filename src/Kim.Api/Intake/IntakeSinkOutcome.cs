namespace Kim.Api.Intake;

public enum IntakeSinkOutcome
{
    /// <summary>A new intake was taken on.</summary>
    Created,

    /// <summary>The same content came before under the same key or partner reference; nothing new was created.</summary>
    Repeated,

    /// <summary>The <c>Idempotency-Key</c> came before with other content; nothing was created.</summary>
    KeyReused,

    /// <summary>The partner reference came before with other content (under any key or none); nothing was created.</summary>
    ReferenceReused,
}

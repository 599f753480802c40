namespace Kim.Api.Intake;

/// <summary>How a form value of an intake field becomes JSON, and what a type error says.</summary>
public enum IntakeFieldKind
{
    Text,
    Date,
    Boolean,
    List,
    Object,
}

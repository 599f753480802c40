namespace Kim.Core.Cases;

/// <summary>Kinds of integration barrier (Integrationshürde), counted for the steering group.</summary>
public enum BarrierCategory
{
    Language,
    Documents,
    WaitingTime,
    Recognition,
    Housing,
    Childcare,
    DigitalAccess,
    Mobility,
    Rules,
    Other,
}

namespace Kim.Core.Cases;

/// <summary>The life domains of the assessment (DOMAIN.md); JSON names are kebab-case (<c>school-and-childcare</c>).</summary>
public enum LifeDomain
{
    Residence,
    Language,

    /// <summary>Work and the recognition of foreign qualifications.</summary>
    Work,
    Housing,
    Health,
    SchoolAndChildcare,
    Family,
    Benefits,
}

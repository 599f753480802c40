namespace Kim.Core.Workflows;

/// <summary>The step ids of handovers, as the API names them (DOMAIN.md).</summary>
public static class HandoverSteps
{
    public const string ResidenceDocument = "residence-document";
    public const string AsylblgEndConfirmed = "asylblg-end-confirmed";
    public const string JobcentreApplication = "jobcentre-application";
    public const string HealthInsurance = "health-insurance";
    public const string IntegrationCourse = "integration-course";
}

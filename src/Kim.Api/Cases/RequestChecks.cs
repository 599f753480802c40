namespace Kim.Api.Cases;

/// <summary>
/// The few checks a request DTO makes itself: fields whose absence the workflow would read as a
/// default (a missing decision is not "accepted"). Everything else the workflow validates.
/// </summary>
public sealed class RequestChecks
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public RequestChecks Required(string field, object? value)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            _errors[field] = ["is required"];
        }

        return this;
    }
}

namespace Kim.Api.Http;

/// <summary>
/// The stable <c>type</c> URIs of Kim's problem details (RFC 9457 §3.1.1): one per kind of error,
/// so that a client can branch on the type rather than parse titles. They identify; they need not
/// resolve.
/// </summary>
public static class ProblemTypes
{
    public const string BaseUri = "https://kim.example/problems/";

    public const string BadRequest = BaseUri + "bad-request";
    public const string Validation = BaseUri + "validation";
    public const string Unauthorized = BaseUri + "unauthorized";
    public const string Forbidden = BaseUri + "forbidden";
    public const string NotFound = BaseUri + "not-found";
    public const string MethodNotAllowed = BaseUri + "method-not-allowed";
    public const string NotAcceptable = BaseUri + "not-acceptable";
    public const string Conflict = BaseUri + "conflict";
    public const string IllegalTransition = BaseUri + "illegal-transition";
    public const string PayloadTooLarge = BaseUri + "payload-too-large";
    public const string UnsupportedMediaType = BaseUri + "unsupported-media-type";
    public const string IdempotencyKeyReused = BaseUri + "idempotency-key-reused";
    public const string TooManyRequests = BaseUri + "too-many-requests";
    public const string Internal = BaseUri + "internal";
    public const string Unavailable = BaseUri + "unavailable";

    /// <summary>The type of a problem that only says its status, e.g. a bare 404 from routing.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => NotAcceptable,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => Validation,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => Internal,
        _ => BaseUri + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A title per kind, used when the code that raised the problem gave none.</summary>
    public static string TitleFor(string type) => type switch
    {
        BadRequest => "The request could not be read.",
        Validation => "The request has invalid fields.",
        Unauthorized => "Authentication is required.",
        Forbidden => "Your role may not do this.",
        NotFound => "Not found.",
        MethodNotAllowed => "This route does not accept that method.",
        NotAcceptable => "No acceptable representation.",
        Conflict => "The request conflicts with the current state.",
        IllegalTransition => "That transition is not possible in the current state.",
        PayloadTooLarge => "The request is larger than this route accepts.",
        UnsupportedMediaType => "This route does not accept that content type.",
        IdempotencyKeyReused => "The idempotency key was used for other content.",
        TooManyRequests => "Too many requests.",
        Unavailable => "The service is unavailable.",
        _ => "An unexpected error occurred.",
    };
}

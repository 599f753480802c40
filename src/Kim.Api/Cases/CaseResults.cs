using Kim.Api.Http;

namespace Kim.Api.Cases;

/// <summary>Answers shared by the case routes.</summary>
internal static class CaseResults
{
    /// <summary>The same 404 for a case that does not exist and one of another municipality.</summary>
    public static IResult CaseNotFound() => KimProblems.NotFound("There is no case with this id in your municipality.").ToResult();

    /// <summary>201 <c>{ "id" }</c> with the new resource's address.</summary>
    public static IResult Created(string location, string id) => TypedResults.Created(location, new CreatedResponse(id));

    public static string Escape(string segment) => Uri.EscapeDataString(segment);
}

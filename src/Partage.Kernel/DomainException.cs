namespace Partage.Kernel;

/// <summary>How a broken rule answers over HTTP: the kinds map to 404, 409 and 422.</summary>
public enum ErrorKind
{
    NotFound,
    Conflict,
    Rule,
}

/// <summary>
/// A stable, machine-readable error code with the French message shown to users.
/// The code never changes once published: clients and tests depend on it.
/// </summary>
public sealed record ErrorCode(string Code, string Message, ErrorKind Kind = ErrorKind.Rule);

/// <summary>A business rule refused the command. Nothing was written.</summary>
public sealed class DomainException : Exception
{
    public DomainException(ErrorCode error, string? detail = null, Exception? innerException = null)
        : base(detail ?? error.Message, innerException)
    {
        Error = error;
    }

    public ErrorCode Error { get; }

    /// <summary>Where the user finds what the refusal is about (the existing client of a duplicate), if anywhere.</summary>
    public string? Link { get; init; }
}

/// <summary>
/// The input does not have the expected shape (missing field, bad format). Carries one or more
/// French messages per field so that the API answers a 400 ValidationProblemDetails and a form
/// shows each message beside its field.
/// </summary>
public sealed class InputValidationException : Exception
{
    public InputValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Les données saisies ne sont pas valides : " + string.Join(" ; ", errors.Select(e => $"{e.Key} : {string.Join(" ", e.Value)}")))   // the messages reach logs and test failures
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Partage.Kernel;

namespace Partage.App.Infrastructure.Http;

/// <summary>
/// Turns what handlers throw into RFC 9457 problem bodies: input shape → 400 with the errors per
/// field, business rule → 409/422 with a stable <c>code</c>, not found or not allowed → 404,
/// anything else → 500 with a trace id and no detail.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched the path to the error page: ask for the original one.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;   // pages show the French error page instead
        }

        ProblemDetails problem = exception switch
        {
            InputValidationException invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = invalid.Message,
                Extensions = { ["code"] = "validation.invalid_input" },
            },
            DomainException domain => new ProblemDetails
            {
                Status = StatusFor(domain.Error.Kind),
                Title = domain.Error.Message,
                Detail = domain.Message == domain.Error.Message ? null : domain.Message,
                Extensions = { ["code"] = domain.Error.Code },
            },
            // A unique index stopped a second copy that raced past the handler's own check (two clicks, two servers).
            Microsoft.EntityFrameworkCore.DbUpdateException unique when Database.DbErrors.IsUniqueViolation(unique) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Cette opération vient d'être faite par une autre requête : rien n'a été enregistré en double. Rechargez la page pour voir son état.",
                Extensions = { ["code"] = "concurrency.duplicate" },
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "La requête est mal formée.",
                Detail = bad.InnerException is JsonException ? "Le corps JSON ne peut pas être lu." : null,
                Extensions = { ["code"] = "request.malformed" },
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Une erreur inattendue est survenue.",
                Extensions = { ["code"] = "server.error" },
            },
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, path);   // the route asked for, not the error page
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        if (exception is DomainException { Link: { } link })
        {
            problem.Extensions["link"] = link;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}

public static class EndpointConventions
{
    /// <summary>Documents the problem answers every command endpoint may give.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

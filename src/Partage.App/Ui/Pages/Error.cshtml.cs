using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Partage.App.Ui.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PartagePageModel
{
    public string Title { get; private set; } = "Erreur";

    public string Message { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    // The code comes from the route only: a form or query field named "code" in the failed request must not change it.
    public void OnGet([FromRoute] int? code) => Describe(code);

    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page introuvable", "Cette page n'existe pas, ou vous n'y avez pas accès."),
            400 => ("Requête invalide", "La requête n'a pas pu être comprise."),
            405 => ("Action impossible ici", "Cette page ne reçoit pas de formulaire : revenez à la page précédente et recommencez."),
            >= 400 and < 500 => ("Requête refusée", "Cette demande ne peut pas aboutir telle quelle : revenez à la page précédente et recommencez."),
            _ => ("Une erreur est survenue", "Une erreur inattendue est survenue. L'équipe a été prévenue ; rien n'a été enregistré."),
        };
        if (code is >= 400 and < 500)
        {
            Response.StatusCode = code.Value;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
            if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is { } failed)
            {
                // Under the page that failed: the request has been re-executed here, and its path is now this page's.
                logger.LogError(failed.Error, "Unhandled exception on {Method} {Path} (trace {TraceId})", Request.Method, failed.Path, TraceId);
            }
        }
    }
}

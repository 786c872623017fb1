using Partage.App.Infrastructure;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Features;

/// <summary>
/// An activity's statement: its movements and running balance over a period, as data, CSV or PDF,
/// for whoever may see the activity (404 otherwise). The Ledger computes the figures; this use case
/// checks the reader and reads the dates as typed.
/// </summary>
public sealed class GetActivityStatement(IActivitiesApi activities, ILedgerApi ledger, TimeProvider clock)
{
    public async Task<ActivityStatement> HandleAsync(ActivityId id, string? from, string? to, int? last, Actor actor, CancellationToken ct = default) =>
        await StatementAsync(await VisibleAsync(id, actor, ct), from, to, last, ct);

    public async Task<byte[]> PdfAsync(ActivityId id, string? from, string? to, Actor actor, CancellationToken ct = default)
    {
        var activity = await VisibleAsync(id, actor, ct);
        var statement = await StatementAsync(activity, from, to, null, ct);
        using var buffer = new MemoryStream();
        ActivityStatementPdf.Write(statement, activity, clock.GetUtcNow(), buffer);
        return buffer.ToArray();
    }

    public static Task WriteCsvAsync(ActivityStatement statement, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return SpreadsheetCsv.WriteAsync(output, ["date", "libelle", "piece", "compte", "montant", "solde"],
            statement.Lines.Select(l => new[] { SpreadsheetCsv.Date(l.Date), l.Label, l.PieceRef, l.AccountNumber, SpreadsheetCsv.Amount(l.Amount), SpreadsheetCsv.Amount(l.RunningBalance) }), ct);
    }

    private async Task<ActivityView> VisibleAsync(ActivityId id, Actor actor, CancellationToken ct) =>
        await activities.FindVisibleAsync(id, actor, ct) ?? throw new DomainException(ActivitiesErrors.NotFound);

    private async Task<ActivityStatement> StatementAsync(ActivityView activity, string? from, string? to, int? last, CancellationToken ct)
    {
        var v = new Validation();
        var start = v.Date("From", "La date de début", from, required: false);
        var end = v.Date("To", "La date de fin", to, required: false);
        v.ThrowIfInvalid();
        return await ledger.StatementAsync(activity.Id, start, end, last, ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/activities/{id:guid}/statement", async (Guid id, string? from, string? to, int? last, GetActivityStatement handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), from, to, last, await actors.GetAsync(ct), ct))
            .WithName("GetActivityStatement").WithSummary("Relevé des mouvements d'une activité").ProducesValidationProblem();
        api.MapGet("/activities/{id:guid}/statement.csv", async (Guid id, string? from, string? to, GetActivityStatement handler, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var statement = await handler.HandleAsync(new ActivityId(id), from, to, null, await actors.GetAsync(ct), ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=releve-{id}.csv";
                await WriteCsvAsync(statement, http.Response.Body, ct);
            })
            .WithName("GetActivityStatementCsv").WithSummary("Relevé des mouvements en CSV");
        api.MapGet("/activities/{id:guid}/statement.pdf", async (Guid id, string? from, string? to, GetActivityStatement handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.File(await handler.PdfAsync(new ActivityId(id), from, to, await actors.GetAsync(ct), ct), "application/pdf", $"releve-{id}.pdf"))
            .WithName("GetActivityStatementPdf").WithSummary("Relevé des mouvements en PDF").Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}

using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Reporting.Features;

public sealed record HistoryImportResult(int Figures, int Added, int Replaced, IReadOnlyList<string> Tables, IReadOnlyList<int> Years);

/// <summary>
/// Loads yearly figures of the years before the platform (<see cref="HistoryFiles"/>: the CSV template or the 2016
/// report's JSON), all or nothing: one bad line and nothing is stored, every bad line named. A figure loaded again
/// replaces the previous one; the import is audited.
/// </summary>
public sealed class ImportHistory(PartageDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public async Task<HistoryImportResult> HandleAsync(string? name, byte[]? content, Actor actor, CancellationToken ct = default)
    {
        if (!ReportingAccess.CanImport(actor))
        {
            throw new DomainException(ReportingErrors.NotFound);
        }

        if (content is not { Length: > 0 } || content.Length > MaxBytes)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = ["Joignez un fichier CSV (modèle) ou JSON du rapport, de 5 Mo au plus."] });
        }

        var (lines, problems) = HistoryFiles.Read(content);
        if (problems.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = [.. problems] });
        }

        var duplicates = lines.GroupBy(l => (l.Scope, l.Table, l.Row, l.Year)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Table} / {g.Key.Row} / {g.Key.Year}").Take(10).ToList();
        if (duplicates.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = [.. duplicates.Select(d => $"Ce chiffre est donné deux fois : {d}.")] });
        }

        var source = Path.GetFileName(name ?? "historique");
        var now = clock.GetUtcNow().UtcDateTime;
        var tables = lines.Select(l => l.Table).Distinct().ToList();
        var existing = await db.Set<HistoryFigure>().Where(f => tables.Contains(f.Table)).ToListAsync(ct);
        var byKey = existing.ToDictionary(f => (f.Scope, f.Table, f.Row, f.Year));
        var (added, replaced) = (0, 0);
        foreach (var line in lines)
        {
            if (byKey.TryGetValue((line.Scope, line.Table, line.Row, line.Year), out var figure))
            {
                (figure.Value, figure.Source, figure.Position, figure.ImportedAt, figure.ImportedBy) = (line.Value, source, line.Position, now, actor.Name);
                replaced++;
            }
            else
            {
                db.Add(new HistoryFigure { Scope = line.Scope, Table = line.Table, Row = line.Row, Year = line.Year, Value = line.Value, Source = source, Position = line.Position, ImportedAt = now, ImportedBy = actor.Name });
                added++;
            }
        }

        audit.Record(actor, "reporting.history_imported", "report_history", source, null, new { Figures = lines.Count, added, replaced, tables });
        await db.SaveChangesAsync(ct);
        return new HistoryImportResult(lines.Count, added, replaced, tables, lines.Select(l => l.Year).Distinct().Order().ToList());
    }

    public static void Map(RouteGroupBuilder reporting)
    {
        reporting.MapPost("/reports/history", async (HttpRequest request, ImportHistory handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                if (!ReportingAccess.CanImport(actor))
                {
                    throw new DomainException(ReportingErrors.NotFound);
                }

                var form = request.HasFormContentType ? await request.ReadFormAsync(ct)
                    : throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = ["Envoyez le fichier en multipart/form-data (fichier « file »)."] });
                var file = form.Files.GetFile("file");
                byte[]? content = null;
                if (file is { Length: > 0 and <= MaxBytes })
                {
                    await using var stream = file.OpenReadStream();
                    content = new byte[file.Length];
                    await stream.ReadExactlyAsync(content, ct);
                }

                return TypedResults.Ok(await handler.HandleAsync(file?.FileName, content, actor, ct));
            })
            .WithName("ImportReportHistory").WithSummary("Charger l'historique des années passées (modèle CSV ou JSON du rapport annuel)").ProducesProblems().DisableAntiforgery();
        reporting.MapGet("/reports/history/template.csv", () => TypedResults.File(HistoryFiles.Template(), "text/csv", "modele-historique.csv"))
            .WithName("GetReportHistoryTemplate").WithSummary("Le modèle CSV de l'historique, avec les codes des tableaux").Produces(200, contentType: "text/csv").ProducesProblems();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Reporting.Features;

/// <summary>The annual report of a year for the group, an entity or an office: every table of the catalogue that has figures.</summary>
public sealed record AnnualReport(int Year, string Scope, string? EntityCode, OfficeId? Office, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// Builds the report of year N: for each table of <see cref="ReportCatalog"/>, the years up to N that have figures (N − 1
/// and N at least), each year's figures from the history when some were loaded for that table and year, otherwise from
/// the platform (<see cref="LiveFigures"/>); totals and progressions computed (<see cref="ReportFigures"/>). A manager
/// gets their office's report whatever they ask; staff any.
/// </summary>
public sealed class GetAnnualReport(PartageDbContext db, LiveFigures live, ILegalEntitiesApi entities, IOfficesApi offices)
{
    public const int YearsBack = 10;

    public async Task<AnnualReport> HandleAsync(int year, string? entityCode, OfficeId? askedOffice, Actor actor, CancellationToken ct = default)
    {
        var office = ReportingAccess.OfficeOf(actor, askedOffice);
        var v = new Validation();
        if (year is < 1900 or > 2100)
        {
            v.Add("year", "L'année est un nombre de 1900 à 2100.");
        }

        var code = string.IsNullOrWhiteSpace(entityCode) ? null : entityCode.Trim().ToUpperInvariant();
        var entity = code is null ? null : (await entities.ListAsync(ct)).FirstOrDefault(e => e.Code == code);
        if (code is not null && entity is null)
        {
            v.Add("entity", $"Choisissez une structure : {string.Join(", ", (await entities.ListAsync(ct)).Select(e => e.Code))}.");
        }

        var officeView = office is { } o ? await offices.FindOfficeAsync(o, ct) : null;
        if (office is not null && officeView is null)
        {
            v.Add("office", "Ce bureau n'existe pas.");
        }

        v.ThrowIfInvalid();
        var scope = officeView?.Name ?? code ?? string.Empty;
        var history = await db.Set<HistoryFigure>().AsNoTracking().Where(f => f.Scope == scope && f.Year <= year && f.Year > year - YearsBack).ToListAsync(ct);
        var computed = await live.ForAsync(year - 1, year, entity?.Id, office, ct);
        var tables = ReportCatalog.Tables.Select(t => Table(t, year, history.Where(f => f.Table == t.Code).ToList(), computed.Where(f => f.Table == t.Code).ToList()))
            .Where(t => t is not null).Select(t => t!).ToList();
        return new AnnualReport(year, officeView is not null ? officeView.Name : entity is not null ? entity.Name : "Groupe", code, office, tables);
    }

    private static ReportTable? Table(TableDefinition definition, int year, List<HistoryFigure> history, List<LiveFigure> computed)
    {
        var historyYears = history.Select(f => f.Year).ToHashSet();
        // A year's figures come from one place: the history when it has that table's year, else the platform.
        var figures = history.Select(f => (f.Row, f.Year, f.Value, f.Position, Live: false))
            .Concat(computed.Where(f => !historyYears.Contains(f.Year)).Select(f => (f.Row, f.Year, f.Value, f.Position, Live: true))).ToList();
        if (figures.Count == 0)
        {
            return null;
        }

        var years = figures.Select(f => f.Year).Append(year).Append(year - 1).Distinct().Order().ToList();
        var rows = figures.OrderBy(f => f.Live).ThenBy(f => f.Position).ThenBy(f => f.Row, StringComparer.Ordinal).Select(f => f.Row).Distinct().ToList();
        var values = figures.GroupBy(f => (f.Row, f.Year)).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var sources = years.ToDictionary(y => y, y => historyYears.Contains(y)
            ? "historique (" + string.Join(", ", history.Where(f => f.Year == y).Select(f => f.Source).Distinct()) + ")"
            : computed.Any(f => f.Year == y) ? "calculé par Partage" : "aucun chiffre");
        return ReportFigures.Build(definition, years, rows, values, sources);
    }

    /// <summary>
    /// A table's figures: the rows, the total, each year's figure and the progression — plain numbers for the spreadsheets,
    /// or as people read them (« 14 729 128 € », « 61 % », « +28,98 % ») for the PDF.
    /// </summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows) Grid(ReportTable table, bool forReading = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        var french = CultureInfo.GetCultureInfo("fr-FR");
        string? Figure(decimal? value) => !forReading ? value?.ToString("0.##", french) : value is not { } v ? "—" : table.Kind switch
        {
            FigureKind.Amount => v.ToString("N0", french) + " €",
            FigureKind.Percent => v.ToString("0.#", french) + " %",
            _ => v.ToString("N0", french),
        };
        string? Progress(decimal? value) => !forReading ? value?.ToString("0.##", french) : value is not { } p ? "—" : (p > 0 ? "+" : string.Empty) + p.ToString("0.00", french) + " %";
        var headers = new List<string> { table.RowHeading.Length == 0 ? "Ligne" : table.RowHeading };
        headers.AddRange(table.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        headers.Add($"Progression {table.Years[^1]}/{table.Years[^2]} (%)");
        var rows = table.Rows.Concat(table.Total is null ? [] : [table.Total])
            .Select(r => (IReadOnlyList<string?>)[r.Label, .. r.Values.Select(Figure), Progress(r.Progression)]).ToList();
        return (headers, rows);
    }

    public static void Map(RouteGroupBuilder reporting)
    {
        reporting.MapGet("/reports/annual", async (int? year, string? entity, Guid? office, GetAnnualReport handler, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(year ?? clock.Today().Year, entity, office is { } o ? OfficeId.From(o) : null, await actors.GetAsync(ct), ct)))
            .WithName("GetAnnualReport").WithSummary("Le rapport annuel d'une année : chaque tableau, l'année précédente et la progression (personnel ; un gestionnaire, son bureau)").ProducesProblems();
        reporting.MapGet("/reports/annual.pdf", async (int? year, string? entity, Guid? office, GetAnnualReport handler, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var (report, pdf) = await handler.PdfAsync(year ?? clock.Today().Year, entity, office is { } o ? OfficeId.From(o) : null, await actors.GetAsync(ct), ct);
                return TypedResults.File(pdf, "application/pdf", $"rapport-annuel-{report.Year}.pdf");
            })
            .WithName("GetAnnualReportPdf").WithSummary("Le rapport annuel entier en PDF : couverture, sommaire, tableaux, graphiques, pages numérotées").Produces(200, contentType: "application/pdf").ProducesProblems();
        reporting.MapGet("/reports/annual/{table}.csv", async (string table, int? year, string? entity, Guid? office, GetAnnualReport handler, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var (name, type, content) = await handler.TableFileAsync(table, xlsx: false, year ?? clock.Today().Year, entity, office, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("GetAnnualReportTableCsv").WithSummary("Un tableau du rapport annuel en CSV").Produces(200, contentType: "text/csv").ProducesProblems();
        reporting.MapGet("/reports/annual/{table}.xlsx", async (string table, int? year, string? entity, Guid? office, GetAnnualReport handler, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var (name, type, content) = await handler.TableFileAsync(table, xlsx: true, year ?? clock.Today().Year, entity, office, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("GetAnnualReportTableXlsx").WithSummary("Un tableau du rapport annuel en XLSX").Produces(200, contentType: SpreadsheetXlsx.ContentType).ProducesProblems();
    }

    /// <summary>One table as a file: CSV (French numbers) or XLSX (numbers Excel adds up).</summary>
    public async Task<(string Name, string ContentType, byte[] Content)> TableFileAsync(string code, bool xlsx, int year, string? entity, Guid? office, Actor actor, CancellationToken ct)
    {
        var table = await TableAsync(code, year, entity, office, actor, ct);
        var (headers, rows) = Grid(table);
        using var buffer = new MemoryStream();
        if (xlsx)
        {
            await SpreadsheetXlsx.WriteAsync(buffer, table.Code.Length > 31 ? table.Code[..31] : table.Code, headers, rows, ct);
            return ($"{table.Code}-{table.Years[^1]}.xlsx", SpreadsheetXlsx.ContentType, buffer.ToArray());
        }

        await SpreadsheetCsv.WriteAsync(buffer, headers, rows, ct);
        return ($"{table.Code}-{table.Years[^1]}.csv", "text/csv", buffer.ToArray());
    }

    /// <summary>The whole report as a PDF, with its charts.</summary>
    public async Task<(AnnualReport Report, byte[] Pdf)> PdfAsync(int year, string? entity, OfficeId? office, Actor actor, CancellationToken ct)
    {
        var report = await HandleAsync(year, entity, office, actor, ct);
        return (report, AnnualReportPdf.Write(report, ReportCharts.Png));
    }

    /// <summary>One table of the report, or 404 when the catalogue has no such table or the year none of its figures.</summary>
    public async Task<ReportTable> TableAsync(string code, int year, string? entity, Guid? office, Actor actor, CancellationToken ct) =>
        (await HandleAsync(year, entity, office is { } o ? OfficeId.From(o) : null, actor, ct)).Tables.FirstOrDefault(t => t.Code == code)
        ?? throw new DomainException(ReportingErrors.NotFound);
}

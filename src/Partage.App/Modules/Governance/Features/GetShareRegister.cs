using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>The register at any date, on screen, as the PDF the law asks to keep, and as the CSV of shareholders by category.</summary>
public sealed class GetShareRegister(PartageDbContext db, ShareRegister register, ILegalEntitiesApi entities)
{
    public async Task<ShareRegisterView> HandleAsync(string? entityCode, DateOnly day, Actor actor, CancellationToken ct = default)
    {
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var entity = await register.EntityAsync(entityCode, ct);
        var code = await register.EntityCodeAsync(entity, ct);
        var holdings = await register.HoldingsAsync(entity, day, null, ct);
        var people = await db.Set<Shareholder>().AsNoTracking().Where(s => s.LegalEntityId == entity && s.AdmittedOn != null && s.AdmittedOn <= day).ToListAsync(ct);
        var categories = (await db.Set<ShareholderCategoryChange>().AsNoTracking().Where(c => c.From <= day)
                .Join(db.Set<Shareholder>().Where(s => s.LegalEntityId == entity), c => c.ShareholderId, s => s.Id, (c, _) => c).ToListAsync(ct))
            .GroupBy(c => c.ShareholderId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.From)!.Category);
        var lines = people.Select(s => (Holder: s, Holding: holdings.GetValueOrDefault(s.Id) ?? Holding.None, Active: s.LeftOn is null || s.LeftOn > day))
            .Where(x => x.Active || x.Holding.Shares != 0 || x.Holding.SubscribedCents != 0)
            .Select(x => new RegisterLine(x.Holder.Id, x.Holder.Number, x.Holder.Name, categories.GetValueOrDefault(x.Holder.Id, x.Holder.Category),
                Statutes.CategoryLabel(categories.GetValueOrDefault(x.Holder.Id, x.Holder.Category)), x.Active, x.Holding.Shares, Money.Eur(x.Holding.SubscribedCents), Money.Eur(x.Holding.PaidCents)))
            .OrderBy(l => l.Number).ToList();
        var byCategory = Statutes.Categories.Select(c => new CategoryLine(c.Number, c.Label, lines.Count(l => l.Category == c.Number && l.Active),
            lines.Where(l => l.Category == c.Number).Sum(l => l.Shares), Money.Eur(lines.Where(l => l.Category == c.Number).Sum(l => l.Subscribed.Cents)))).ToList();
        return new ShareRegisterView(code, day, lines.Count(l => l.Active), lines.Sum(l => l.Shares), Money.Eur(lines.Sum(l => l.Subscribed.Cents)),
            Money.Eur(lines.Sum(l => l.Paid.Cents)), byCategory, lines, await MovementsAsync(entity, new DateOnly(day.Year, 1, 1), day, ct));
    }

    public async Task<byte[]> PdfAsync(string? entityCode, DateOnly day, Actor actor, CancellationToken ct = default)
    {
        var view = await HandleAsync(entityCode, day, actor, ct);
        var entity = await register.EntityAsync(entityCode, ct);
        var name = (await entities.ListAsync(ct)).Single(e => e.Id == entity) is var e ? $"{e.Name}, {e.LegalForm}, SIREN {e.Siren}" : string.Empty;
        return GovernanceDocuments.Register(name, view, await MovementsAsync(entity, DateOnly.MinValue, day, ct));
    }

    public async Task<byte[]> CsvAsync(string? entityCode, DateOnly day, Actor actor, CancellationToken ct = default)
    {
        var view = await HandleAsync(entityCode, day, actor, ct);
        using var output = new MemoryStream();
        await SpreadsheetCsv.WriteAsync(output, ["categorie", "libelle", "societaires", "parts", "capital"],
            view.ByCategory.Select(c => (IReadOnlyList<string?>)[c.Category.ToString(CultureInfo.InvariantCulture), c.Label, c.Shareholders.ToString(CultureInfo.InvariantCulture),
                c.Shares.ToString(CultureInfo.InvariantCulture), SpreadsheetCsv.Amount(c.Capital)]), ct);
        return output.ToArray();
    }

    private async Task<IReadOnlyList<ShareMovementLine>> MovementsAsync(LegalEntityId entity, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Set<ShareMovement>().AsNoTracking().Where(m => m.LegalEntityId == entity && m.On >= from && m.On <= to)
            .Join(db.Set<Shareholder>(), m => m.ShareholderId, s => s.Id, (m, s) => new { m.Number, m.On, HolderNumber = s.Number, s.Name, m.Kind, m.Shares, m.SubscribedCents, m.PaidCents })
            .ToListAsync(ct))
        .OrderBy(m => m.Number, StringComparer.Ordinal)
        .Select(m => new ShareMovementLine(m.Number, m.On, m.HolderNumber, m.Name, GovernanceLabels.Of(m.Kind), m.Shares, Money.Eur(m.SubscribedCents), Money.Eur(m.PaidCents))).ToList();

    public static void Map(RouteGroupBuilder governance)
    {
        static DateOnly Day(string? date, ShareRegister register)
        {
            var v = new Validation();
            var day = v.Date("date", "La date du registre", date, required: false) ?? register.Today;
            v.ThrowIfInvalid();
            return day;
        }

        governance.MapGet("/share-register", async (string? entity, string? date, GetShareRegister handler, ShareRegister register, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(entity, Day(date, register), await actors.GetAsync(ct), ct)))
            .WithName("GetShareRegister").WithSummary("Le registre des parts à une date : sociétaires par catégorie, capital, mouvements de l'année (gouvernance)").ProducesProblems();
        governance.MapGet("/share-register.pdf", async (string? entity, string? date, GetShareRegister handler, ShareRegister register, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.File(await handler.PdfAsync(entity, Day(date, register), await actors.GetAsync(ct), ct), "application/pdf", $"registre-parts-{Day(date, register):yyyy-MM-dd}.pdf"))
            .WithName("GetShareRegisterPdf").WithSummary("Le registre des parts à une date, en PDF (gouvernance)").Produces(200, contentType: "application/pdf").ProducesProblems();
        governance.MapGet("/share-register.csv", async (string? entity, string? date, GetShareRegister handler, ShareRegister register, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.File(await handler.CsvAsync(entity, Day(date, register), await actors.GetAsync(ct), ct), "text/csv", $"societaires-par-categorie-{Day(date, register):yyyy-MM-dd}.csv"))
            .WithName("GetShareholdersByCategoryCsv").WithSummary("Les sociétaires par catégorie à une date, en CSV (gouvernance)").Produces(200, contentType: "text/csv").ProducesProblems();
    }
}

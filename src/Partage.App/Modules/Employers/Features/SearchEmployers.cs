using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed class SearchEmployers(PartageDbContext db, GetEmployer views)
{
    /// <summary>Employers by name or SIRET, filtered by status, legal form, sector.</summary>
    public async Task<PagedResult<EmployerView>> HandleAsync(string? search, string? status, string? legalForm, string? sector, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Employer>().AsNoTracking().Visible(actor);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(e => e.Name.ToLower().Contains(text) || e.Siret.Contains(text));
        }

        if (Enum.TryParse<EmployerStatus>(status, ignoreCase: true, out var wantedStatus))
        {
            query = query.Where(e => e.Status == wantedStatus);
        }

        if (Enum.TryParse<EmployerLegalForm>(legalForm, ignoreCase: true, out var wantedForm))
        {
            query = query.Where(e => e.LegalForm == wantedForm);
        }

        if (Enum.TryParse<EmployerSector>(sector, ignoreCase: true, out var wantedSector))
        {
            query = query.Where(e => e.Sector == wantedSector);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<EmployerView>(await views.ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/", async (string? search, string? status, string? legalForm, string? sector, int? page, int? pageSize, SearchEmployers list, ActorAccessor actors, CancellationToken ct) =>
                await list.HandleAsync(search, status, legalForm, sector, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListEmployers").WithSummary("Les employeurs du service de gestion de contrats (un compte employeur : le sien seulement)").ProducesProblems();
    }
}

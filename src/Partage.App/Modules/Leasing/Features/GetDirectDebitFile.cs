using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

/// <summary>A day's direct-debit file as it was written (finance sends it to the bank), and the files of a day (the command line writes them out).</summary>
public sealed class GetDirectDebitFile(PartageDbContext db)
{
    public async Task<DirectDebitFile> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        LeasingAccess.RequireFinance(actor);
        return await db.Set<DirectDebitFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(LeasingErrors.FileNotFound);
    }

    public async Task<IReadOnlyList<DirectDebitFile>> OfDayAsync(DateOnly day, Actor actor, CancellationToken ct = default)
    {
        LeasingAccess.RequireFinance(actor);
        return await db.Set<DirectDebitFile>().AsNoTracking().Where(f => f.CreatedOn == day).OrderBy(f => f.MessageId).ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapGet("/leases/direct-debits/{id:guid}.xml", async (Guid id, GetDirectDebitFile handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(file.Content, "application/xml", $"{file.MessageId}.xml");
            })
            .WithName("GetLeaseDirectDebitFile").WithSummary("Un fichier de prélèvements SEPA (pain.008.001.08) tel qu'écrit (finance)").Produces(200, contentType: "application/xml").ProducesProblems();
}

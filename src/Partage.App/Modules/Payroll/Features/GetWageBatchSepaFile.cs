using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.App.Modules.Audit;

namespace Partage.App.Modules.Payroll.Features;

public sealed class GetWageBatchSepaFile(PartageDbContext db, IMembersApi members, IWageSource staffWages, ILegalEntitiesApi entities, IOptions<PayrollOptions> options, IAuditLog audit)
{
    /// <summary>The pain.001.001.09 file of a released batch.</summary>
    public async Task<(string FileName, byte[] Content)> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var batch = await db.Set<PaymentBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (batch.Status != PaymentBatchStatus.Released)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Le fichier de virement d'un lot n'existe qu'une fois le lot libéré.");
        }

        var included = await db.Set<Payslip>().AsNoTracking().Where(p => p.PaymentBatchId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var jobIds = included.Select(p => p.JobId).ToList();
        var jobNumbers = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Number, ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == batch.LegalEntityId);
        var people = await members.EmployeesAsync(included.Select(p => p.MemberId).ToList(), ct);
        var transfers = new List<SepaTransfer>();
        foreach (var payslip in included)
        {
            var person = people[payslip.MemberId];
            transfers.Add(new SepaTransfer(payslip.Number, Money.Eur(payslip.Figures.NetPaidCents).Amount, $"{person.FirstName} {person.LastName}", person.Iban!,
                $"Salaire {payslip.Period} contrat {jobNumbers[payslip.JobId]} bulletin {payslip.Number}"));
        }

        transfers.AddRange((await staffWages.BatchWagesAsync(id, ct)).Select(w => new SepaTransfer(w.Reference, w.Amount.Amount, w.PayeeName, w.Iban, w.Label)));
        var content = SepaCreditTransfer.Write(new SepaBatch(batch.Number, batch.ReleasedAt ?? batch.CreatedAt, batch.ExecutionDate, entity.Name, entity.City, entity.Country,
            options.Value.Iban, options.Value.Bic, transfers));
        await audit.RecordPersonalDataReadAsync(actor, $"{batch.Number}.xml", transfers.Count, ct);   // every payee's full IBAN
        return ($"{batch.Number}.xml", content);
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/batches/{id:guid}/sepa.xml", async (Guid id, GetWageBatchSepaFile handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/xml", name);
            })
            .WithName("BatchSepaFile").WithSummary("Le virement SEPA (pain.001.001.09) d'un lot libéré").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/xml");
    }
}

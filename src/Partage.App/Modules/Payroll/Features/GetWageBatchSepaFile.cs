using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.App.Modules.Audit;

namespace Partage.App.Modules.Payroll.Features;

public sealed class GetWageBatchSepaFile(GetWageBatch lines, ILegalEntitiesApi entities, IOptions<PayrollOptions> options, IAuditLog audit)
{
    /// <summary>The pain.001.001.09 file of a released batch.</summary>
    public async Task<(string FileName, byte[] Content)> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var (batch, transfers) = await lines.TransfersAsync(id, ct);
        if (batch.Status != PaymentBatchStatus.Released)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Le fichier de virement d'un lot n'existe qu'une fois le lot libéré.");
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == batch.LegalEntityId);
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

using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>One contract submitted online by the employer or payroll staff, checked and recorded (with its DPAE data) like a line of an import.</summary>
public sealed class SubmitStaffContract(StaffContractRecorder recorder)
{
    public async Task<StaffContractView> HandleAsync(EmployerId employer, StaffContractInput input, Actor actor, CancellationToken ct = default)
    {
        var result = await recorder.RecordAsync(employer, [input], actor, fromFile: false, ct);
        return result.Contracts[0];
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/{id:guid}/contracts", async (Guid id, StaffContractInput input, SubmitStaffContract handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var contract = await handler.HandleAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employers/{id}/contracts", contract);
            })
            .WithName("SubmitStaffContract").WithSummary("Soumettre un contrat (l'employeur ou le service paie) : mandat, DPAE avant le début, SMIC et chevauchements vérifiés").ProducesProblems();
    }
}

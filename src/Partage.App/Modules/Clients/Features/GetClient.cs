using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Clients.Features;

/// <summary>One client, for those who invoice (members, their managers, staff); employers do not see clients.</summary>
public sealed class GetClient(IClientsApi clients)
{
    public async Task<ClientView> HandleAsync(ClientId id, Actor actor, CancellationToken ct = default)
    {
        ClientsAccess.Require(actor);
        return await clients.FindAsync(id, ct) ?? throw new DomainException(ClientsErrors.NotFound);
    }

    public static void Map(RouteGroupBuilder clients) =>
        clients.MapGet("/{id:guid}", async (Guid id, GetClient handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(ClientId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetClient").WithSummary("Un client").ProducesProblems();
}

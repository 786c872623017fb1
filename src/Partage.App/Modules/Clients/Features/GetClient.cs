using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Clients.Features;

/// <summary>One client: for staff and managers any, for a member one they created or invoiced; employers do not see clients.</summary>
public sealed class GetClient(IClientsApi clients)
{
    public async Task<ClientView> HandleAsync(ClientId id, Actor actor, CancellationToken ct = default)
    {
        return await clients.FindVisibleAsync(id, actor, ct) ?? throw new DomainException(ClientsErrors.NotFound);
    }

    public static void Map(RouteGroupBuilder clients) =>
        clients.MapGet("/{id:guid}", async (Guid id, GetClient handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(ClientId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetClient").WithSummary("Un client").ProducesProblems();
}

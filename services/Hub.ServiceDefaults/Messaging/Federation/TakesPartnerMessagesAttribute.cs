namespace Hub.ServiceDefaults.Messaging.Federation;

/// <summary>
/// Marks a consumer that takes the copies of messages partner hubs sent through the gateway, and checks their sender
/// itself (<see cref="FederatedMessage.SourceHubOf"/>). A consumer without it never sees a partner's copy: a message
/// that crosses hubs states a fact of the hub that sent it, and this hub's consumers act on their own hub's facts
/// unless they say otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TakesPartnerMessagesAttribute : Attribute;

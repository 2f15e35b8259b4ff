import Foundation
import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A chat model asked for one JSON answer that our code checks (DESIGN §7):
/// - `response_format: json_schema` first; a server that refuses it (any 4xx or 5xx whose message
///   names the format) is asked with llama-cpp-python's `{type: json_object, schema}`, then with
///   `json_object` and the schema in the instructions, then with the instructions alone, and the
///   JSON is found in the answer tolerantly (code fences, leading prose); what worked is
///   remembered per provider and model (``ResponseFormatSupport``);
/// - the schema sent is one a grammar builder can take (``GrammarSchema``): a `pattern` killed
///   llama-cpp-python's server; our own checks still apply every rule;
/// - an answer that fails the check is sent back once with the problem quoted; a second failure
///   ends the stage with a ``ProviderError``.
/// Every exchange's tokens, requests and seconds go to `onUsage`.
package struct ChatModel: Sendable {
    package let client: ProviderClient
    package let engine: ChatEngineOptions
    package let stage: EngineStage
    let onUsage: @Sendable (ProviderUsage) -> Void
    private let logger = Logger(label: "reelsmith.providers")

    package init(
        client: ProviderClient, engine: ChatEngineOptions, stage: EngineStage,
        onUsage: @escaping @Sendable (ProviderUsage) -> Void
    ) {
        self.client = client
        self.engine = engine
        self.stage = stage
        self.onUsage = onUsage
    }

    package func answer<Value>(
        _ messages: [ChatCompletionRequest.Message], schemaName: String, schema: JSONValue, seed: Int? = nil,
        check: (Data) throws(AnswerProblem) -> Value
    ) async throws -> Value {
        var messages = messages
        var problem = AnswerProblem("no answer")
        for round in 1...2 {
            do {
                let content = try await complete(messages, schemaName: schemaName, schema: schema, seed: seed)
                do throws(AnswerProblem) {
                    return try check(try JSONAnswer.extract(from: content))
                } catch {
                    problem = error
                    messages.append(.assistant(String(content.prefix(16_000))))
                }
            } catch let wireProblem as AnswerProblem {
                problem = wireProblem
            }
            logger.info(
                "invalid answer",
                metadata: [
                    "provider": "\(client.name)", "stage": "\(stage)", "round": "\(round)",
                    "problem": "\(problem.message)",
                ])
            messages.append(
                .user(
                    "That answer cannot be used: \(problem.message). Answer again with the corrected JSON object only.")
            )
        }
        throw ProviderError(
            .invalidAnswer, provider: client.name, stage: stage,
            problem: "the model `\(engine.model)` gave an unusable answer twice (\(problem.message))",
            fix: "try a stronger model, or set engines.\(stage) to offline")
    }

    /// One chat completion's text. A body that is not a chat completion throws an ``AnswerProblem``
    /// (the round is retried); HTTP failures are the client's ``ProviderError``s.
    private func complete(
        _ messages: [ChatCompletionRequest.Message], schemaName: String, schema: JSONValue, seed: Int?
    ) async throws -> String {
        var level = await client.responseFormats.level(model: engine.model)
        let learned = level
        let schema = GrammarSchema.simplified(schema)
        while true {
            var sent = messages
            let format: ChatCompletionRequest.ResponseFormat?
            switch level {
            case .jsonSchema:
                format = .schema(name: schemaName, schema)
            case .jsonObjectWithSchema, .jsonObject, .instructionsOnly:
                // The schema in the instructions too: a server may take `json_object` and ignore
                // the schema beside it.
                format = [.jsonObjectWithSchema: .jsonObject(schema: schema), .jsonObject: .jsonObject][level]
                let instruction = "Answer with one JSON object that follows this JSON Schema:\n\(schema.text)"
                if let first = sent.first, first.role == "system" {
                    sent[0].content += "\n\n" + instruction
                } else {
                    sent.insert(.system(instruction), at: 0)
                }
            }
            let request = ChatCompletionRequest(
                model: engine.model, messages: sent, temperature: engine.temperature, maxTokens: nil,
                responseFormat: format, seed: seed)
            let exchange: ProviderClient.Exchange
            do {
                exchange = try await client.send(
                    "POST", "chat/completions", json: try JSONEncoder().encode(request), stage: stage)
            } catch let error as ProviderError {
                if error.reason != .keyMissing {
                    onUsage(
                        ProviderUsage(
                            stage: stage, provider: client.name, model: engine.model, requests: error.attempts))
                }
                guard error.refusesResponseFormat, let lower = level.next else { throw error }
                logger.info(
                    "response_format refused, asking again with a simpler one",
                    metadata: [
                        "provider": "\(client.name)", "model": "\(engine.model)",
                        "said": "\(error.serverMessage ?? "")",
                    ])
                level = lower
                continue
            }
            // Remembered only once a simpler format worked.
            if level != learned { await client.responseFormats.lower(model: engine.model, to: level) }
            let response: ChatCompletionResponse
            do {
                response = try JSONDecoder().decode(ChatCompletionResponse.self, from: exchange.reply.body)
            } catch {
                onUsage(
                    ProviderUsage(
                        stage: stage, provider: client.name, model: engine.model, requests: exchange.attempts,
                        seconds: exchange.seconds))
                throw AnswerProblem("the server's reply is not a chat completion (\(DecodingProblem.describe(error)))")
            }
            onUsage(
                ProviderUsage(
                    stage: stage, provider: client.name, model: engine.model, requests: exchange.attempts,
                    promptTokens: response.usage?.promptTokens ?? 0,
                    completionTokens: response.usage?.completionTokens ?? 0,
                    seconds: exchange.seconds))
            guard let message = response.choices.first?.message else { throw AnswerProblem("the reply has no choice") }
            if let refusal = message.refusal, !refusal.isEmpty {
                throw AnswerProblem("the model refused (\(ServerMessage.clean(refusal, hiding: nil) ?? ""))")
            }
            guard let content = message.content, !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw AnswerProblem("the answer is empty")
            }
            return content
        }
    }
}
